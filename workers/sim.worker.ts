/** The Web Worker that hosts the simulation engine; the page talks to it through Comlink (src/sim). */
import { expose } from 'comlink';
import { createSimApi } from './sim-api.ts';

expose(createSimApi());
