/** How the playground names a model made in the Learn view ("Learned, generation 2"), for the views. */
export { learnedModelLabel } from '../../inference/learned-models';
