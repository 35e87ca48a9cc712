"""Tests of rhaglen.changes."""
