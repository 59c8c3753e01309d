import path from 'node:path';

// Runs before each integration test file: never pick up the developer's .env.
process.env.ENV_PATH = path.join(__dirname, 'does-not-exist.env');
