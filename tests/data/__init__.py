"""Tests of rhaglen.data."""
