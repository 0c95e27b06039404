"""Reusable Textual widgets of the reader."""
