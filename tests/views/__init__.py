"""Tests of rhaglen.views."""
