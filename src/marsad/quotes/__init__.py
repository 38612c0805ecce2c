"""Quotations: direct quotes and reported speech with their speakers (``attribution``), the component."""
