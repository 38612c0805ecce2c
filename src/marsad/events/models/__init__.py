"""The event detector model shipped with Marsad (``marsad train events`` reproduces it)."""
