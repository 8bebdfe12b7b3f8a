/* The public surface of the appendix lists (Phụ lục 03–07): what the app and the shells may use. */
export { COLUMN_ROLES, FLAG_ROLES, ROLE_TEXT, ROSTER_KINDS, ROSTER_TEXT, classifyHeader, proposeRoster, type ColumnRole, type FlagRole, type ProposedRoster, type RosterColumn, type RosterKind } from "./columns";
export { findIdLikeColumns, type IdLikeColumn, type IdLikeKind } from "./id-columns";
export { ListsMapping, RosterMapping, parseListsMapping, withProposals, type ListsMappingParse } from "./mapping";
export { readRoster, resolveRoster, type Roster, type RosterEntry } from "./roster";
export { residentAges, selectList, type AgeRules, type BuiltList, type ResidentAges } from "./select";
export { sortForList, compareVietnamese } from "./collate";
export { listSheetKey, listSheetLayout, wrapWords, type ListLayout, type ListLayoutInput } from "./layout";
export { listFigures, listIndicators, mergeListFigures, type ListFigures, type WrittenList } from "./figures";
export { ageRulesOf, buildLists, listsToMake, proposeRosters, rostersNeeded, type ListsBuild, type ListsBuildInput, type MadeList } from "./build";
export { LIST_IDS, LIST_TEMPLATES, parseListIds, type ListId, type ListTemplate } from "./templates";
