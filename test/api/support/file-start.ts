import { markFileStart } from './timings';

// A setupFiles entry: runs before each test file's imports, so set-up logs can say how long they took.
markFileStart();
