// The DataFrame module. See Docs/Architecture.md for its place in the layers.
