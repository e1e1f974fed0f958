"""inputs layer (see docs/architecture.md)."""
