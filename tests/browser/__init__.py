"""Tests that drive Debian's Chromium over the built site (see conftest.py)."""
