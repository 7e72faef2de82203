// The ModelSelection module. See Docs/Architecture.md for its place in the layers.
