"""Tests of rhaglen.render."""
