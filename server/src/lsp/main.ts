// Entry point of the language server bundle (dist/server.js); replaced by the real server.
export {};
