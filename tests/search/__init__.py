"""Tests of rhaglen.search."""
