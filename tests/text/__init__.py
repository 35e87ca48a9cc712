"""Tests of rhaglen.text."""
