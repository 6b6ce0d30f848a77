// The tests module of the Restricted Mode suite (extensionTestsPath): the same mocha runner as the integration
// suite, over the compiled *.test.js files next to this module. scripts/test-integration.mjs --restricted opens
// the demo workspace in code-server with Workspace Trust on and the folder untrusted.
export { run } from '../integration/index';
