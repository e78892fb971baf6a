// Which lists of a plan hold items with an `id`, by their path from the top. Their items are matched
// by id when two versions are compared; every other list is matched by position.
// TODO(format): replace with the format module's list paths once server/src/engine/format/ lands.
export const ID_LISTS: readonly string[] = ['diagnosis.drivers', 'diagnosis.organization', 'diagnosis.stakeholders', 'goals', 'actions'];
