"""The shared conformance suite: scenarios as data, one mock server, one driver per SDK language."""
