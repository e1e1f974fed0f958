"""batch layer (see docs/architecture.md)."""
