/**
 * The package version, for the CLI's `--version`, SARIF's tool version and the JSON Schema's `$id`. A test checks
 * that it equals package.json's `version`: bump both together.
 *
 * @internal
 */
export const PACKAGE_VERSION = "0.1.0";
