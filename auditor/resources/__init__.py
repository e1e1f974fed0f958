"""resources layer (see docs/architecture.md)."""
