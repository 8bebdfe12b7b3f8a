/** The tool's version, as package.json says (a test keeps them equal); stored in every fingerprint. */
export const TOOL_VERSION = "0.1.0";
