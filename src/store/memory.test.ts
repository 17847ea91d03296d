import { createMemoryStore } from './memory.js';
import { storeContract } from './test-support/contract.js';

storeContract('memory', { open: async () => createMemoryStore() });
