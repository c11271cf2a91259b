export { serve, type StaticServer } from '../../src/build/static-server.ts';
