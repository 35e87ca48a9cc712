"""Tests of rhaglen.site."""
