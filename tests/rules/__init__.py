"""Tests of rhaglen.rules."""
