/** The mixlab version, written into every artifact (kept equal to package.json by a test). */
export const VERSION = "0.1.0";
