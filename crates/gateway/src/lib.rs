//! The tool pipeline and the MCP surface.
