"""Mountsea Studio: a desktop generation studio for the Mountsea API."""

__version__ = "0.1.0"
