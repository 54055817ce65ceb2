"""Pydantic models of VCO API payloads, one module per resource.

API models ignore unknown fields and keep enum values as plain strings, because the API
promises to add both without notice; they never fail on them.
"""
