"""Reading a spec: YAML text to a located tree (loader), then the tree to the IR (validator)."""
