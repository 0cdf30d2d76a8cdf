import type { RoleAssignment } from '../core/identities/model';
import type { AzureAccess } from './access';
import { type BulkListing, type BulkLoad, isEmptyListing } from '../inventory/reader';
import { COSMOS_ACCOUNT_TYPE, cosmosAccountId, type HolderFields, toAssignment, toHolder, toIdentity } from './inventoryShapes';
import { GraphResultTruncatedError, graphRows, type GraphQuota } from './resourceGraph';

// One row per subscription (summarize … by subscriptionId): a query over a group of subscriptions (≤ 250, see
// inventory.ts) is one page, one query of the user's quota, where a row per identity would page every 1,000 rows.
// Identities and role assignments, by the thousand, travel as positional arrays (pack_array; names and scopes follow
// from their ids): a third fewer bytes than keyed objects. Decoded into what the three ARM lists give.
const IDENTITIES_QUERY = `resources
| where type =~ 'microsoft.managedidentity/userassignedidentities'
| project subscriptionId, identity = pack_array(id, location, properties.principalId, properties.clientId)
| summarize identities = make_list(identity), total = count() by subscriptionId`;

const HOLDERS_QUERY = `resources
| where isnotempty(identity) or type =~ '${COSMOS_ACCOUNT_TYPE}'
| project subscriptionId, holder = pack('id', id, 'name', name, 'type', type, 'location', location, 'identity', identity)
| summarize holders = make_list(holder), total = count() by subscriptionId`;

const ROLE_DEFINITIONS = '/providers/Microsoft.Authorization/roleDefinitions/';

// Users' and groups' assignments are most of a subscription's and never shown in the tree: left out server-side.
// A role definition id in its usual form (/subscriptions/<the assignment's>/providers/Microsoft.Authorization/
// roleDefinitions/<guid>) travels as its GUID alone, any other as it is; the principal type, read by nothing, stays
// behind. This largest answer shrank from 4.3 to 3.1 MB at 10,200 assignments.
const ROLE_ASSIGNMENTS_QUERY = `authorizationresources
| where type =~ 'microsoft.authorization/roleassignments'
| where tostring(properties.principalType) !~ 'User' and tostring(properties.principalType) !~ 'Group'
| extend roleDefinitionId = tostring(properties.roleDefinitionId), roleGuid = tostring(split(tostring(properties.roleDefinitionId), '/')[6])
| project subscriptionId, assignment = pack_array(id, iff(roleDefinitionId == strcat('/subscriptions/', subscriptionId, '${ROLE_DEFINITIONS}', roleGuid), roleGuid, roleDefinitionId), properties.principalId)
| summarize roleAssignments = make_list(assignment), total = count() by subscriptionId`;

type IdentityTuple = [id: string, location: string, principalId: string, clientId: string];
type AssignmentTuple = [id: string, role: string, principalId: string];
export interface IdentityRow { subscriptionId: string; identities: IdentityTuple[]; total: number }
export interface HolderRow { subscriptionId: string; holders: HolderFields[]; total: number }
export interface AssignmentRow { subscriptionId: string; roleAssignments: AssignmentTuple[]; total: number }

/** make_list stops at a size limit without saying so; each row's count says whether its list is whole. */
function whole<T>(list: T[], total: number): T[] {
  if (list.length !== total) throw new GraphResultTruncatedError();
  return list;
}

const ASSIGNMENT_SEGMENT = '/providers/microsoft.authorization/roleassignments/';

/** An identity's tenant is its subscription's, the tenant queried: not sent once per identity. */
function identityOf([id, location, principalId, clientId]: IdentityTuple, tenantId: string) {
  return id ? toIdentity({ id, location, tenantId, principalId, clientId }) : undefined;
}

/** An assignment's id is its scope, the provider segment, and its name; its role, a GUID in its subscription or an id. */
function assignmentOf([id, role, principalId]: AssignmentTuple, subscriptionId: string) {
  const roleDefinitionId = role?.includes('/') ? role : `/subscriptions/${subscriptionId}${ROLE_DEFINITIONS}${role}`;
  // The name is the last segment; only the segment before it is compared (lower-casing whole ids costs, by the 10,000).
  const cut = (id?.lastIndexOf('/') ?? -1) + 1 - ASSIGNMENT_SEGMENT.length;
  if (cut < 0 || id.slice(cut, cut + ASSIGNMENT_SEGMENT.length).toLowerCase() !== ASSIGNMENT_SEGMENT) return undefined;
  return toAssignment({ id, scope: id.slice(0, cut) || '/', name: id.slice(cut + ASSIGNMENT_SEGMENT.length), roleDefinitionId: role ? roleDefinitionId : undefined, principalId });
}

/**
 * Identities, holders, Cosmos DB accounts and role assignments of many subscriptions of one tenant in three queries.
 * The listings resolve as soon as the first two queries answer; the role assignments (the largest answer) after.
 */
export function graphLoad(access: AzureAccess, tenantId: string, subscriptionIds: string[], quota: GraphQuota, signal?: AbortSignal): BulkLoad {
  const request = (query: string) => ({ query, subscriptions: subscriptionIds });
  // Sent, and so answered, in this order: the listings first.
  const identityRows = graphRows<IdentityRow>(access, tenantId, request(IDENTITIES_QUERY), quota, signal);
  const holderRows = graphRows<HolderRow>(access, tenantId, request(HOLDERS_QUERY), quota, signal);
  // Also those inherited from management groups, as ARM's list for a subscription gives them.
  const assignmentRows = graphRows<AssignmentRow>(access, tenantId, { ...request(ROLE_ASSIGNMENTS_QUERY), authorizationScopeFilter: 'AtScopeAboveAndBelow' }, quota, signal);
  const listings = Promise.all([identityRows, holderRows]).then(([identities, holders]) => decodeListings(tenantId, subscriptionIds, identities, holders));
  const roleAssignments = Promise.all([listings, assignmentRows]).then(([found, rows]) => decodeAssignments(found, rows));
  // Each subscription's load observes these; one that no load awaits any more must not be an unhandled rejection.
  listings.catch(() => undefined);
  roleAssignments.catch(() => undefined);
  return { listings, roleAssignments };
}

/** The first two queries' rows as one listing per subscription asked for; throws if a list came back cut short. */
export function decodeListings(tenantId: string, subscriptionIds: string[], identityRows: IdentityRow[], holderRows: HolderRow[]): Map<string, BulkListing> {
  const listings = new Map<string, BulkListing>(subscriptionIds.map((id) => [id.toLowerCase(), { identities: [], holders: [], cosmosAccountIds: [] }]));
  const listingOf = (row: { subscriptionId?: string }) => listings.get(row.subscriptionId?.toLowerCase() ?? '');
  // Plain loops: tens of thousands of items, decoded while the user waits for the tree.
  for (const row of identityRows) {
    const listing = listingOf(row);
    if (!listing) continue;
    for (const tuple of whole(row.identities, row.total)) {
      const identity = identityOf(tuple, tenantId);
      if (identity) listing.identities.push(identity);
    }
  }
  for (const row of holderRows) {
    const listing = listingOf(row);
    if (!listing) continue;
    for (const r of whole(row.holders, row.total)) {
      const holder = toHolder(r);
      if (holder) listing.holders.push(holder);
      const account = cosmosAccountId(r);
      if (account) listing.cosmosAccountIds.push(account);
    }
  }
  return listings;
}

/** Role assignment rows as each listed subscription's list; throws if a list came back cut short. */
export function decodeAssignments(listings: Map<string, BulkListing>, assignmentRows: AssignmentRow[]): Map<string, RoleAssignment[]> {
  const own = new Map<string, RoleAssignment[]>([...listings.keys()].map((key) => [key, []]));
  const inherited: RoleAssignment[] = [];
  for (const row of assignmentRows) {
    // Rows above every subscription (management groups, the root) have no subscription: each inherits them.
    const into = row.subscriptionId ? own.get(row.subscriptionId.toLowerCase()) : inherited;
    if (!into) continue;
    for (const tuple of whole(row.roleAssignments, row.total)) {
      const assignment = assignmentOf(tuple, row.subscriptionId);
      if (assignment) into.push(assignment);
    }
  }
  // Only into subscriptions the graph found something of: one it found nothing of keeps an empty list, so the
  // inventory asks ARM whether the subscription is empty or unreadable.
  for (const [key, list] of own) if (list.length > 0 || !isEmptyListing(listings.get(key)!)) for (const a of inherited) list.push(a);
  return own;
}
