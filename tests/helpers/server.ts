export { serve, type StaticServer } from '../../src/lib/static-server.ts';
