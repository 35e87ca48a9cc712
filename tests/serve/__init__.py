"""Tests of rhaglen.serve."""
