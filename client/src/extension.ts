// Entry point of the VS Code client bundle (dist/client.js); replaced by the real client.
export function activate(): void {}
export function deactivate(): void {}
