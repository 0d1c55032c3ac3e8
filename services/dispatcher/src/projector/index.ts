export { createProjector, PROJECTOR_TOPICS, type Projector, type ProjectorOptions } from './projector';
export { PROJECTOR_GROUP } from './projection';
