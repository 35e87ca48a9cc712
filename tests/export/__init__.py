"""Tests of rhaglen.export."""
