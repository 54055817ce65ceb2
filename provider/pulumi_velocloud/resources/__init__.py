"""Dynamic-provider resources, one module per resource: Args model, Provider, Resource."""
