/** npm run build: see src/build/build.ts. */
import '../build/build.ts';
