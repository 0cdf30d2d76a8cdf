import type { NodeDescription } from '../inventory/nodeDescription';
import { AssignedResourceNode } from './nodes/assignedResourceNode';
import { AssignedToGroupNode } from './nodes/assignedToGroupNode';
import { DescribedNode, type ExpandDescription } from './nodes/describedNode';
import { FederatedCredentialNode } from './nodes/federatedCredentialNode';
import { FederatedCredentialsGroupNode } from './nodes/federatedCredentialsGroupNode';
import { IdentityGroupNode } from './nodes/identityGroupNode';
import { IdentityNode } from './nodes/identityNode';
import { LoadErrorNode } from './nodes/loadErrorNode';
import { RoleAssignmentNode } from './nodes/roleAssignmentNode';
import { RoleAssignmentsGroupNode } from './nodes/roleAssignmentsGroupNode';
import { SystemAssignedGroupNode } from './nodes/systemAssignedGroupNode';
import { SystemAssignedResourceNode } from './nodes/systemAssignedResourceNode';
import type { TreeNode } from './nodes/treeNode';

/** The node class for a description's kind, so commands can tell nodes apart with `instanceof` and read typed data. */
export function nodeFor(d: NodeDescription, expand: ExpandDescription): TreeNode {
  switch (d.kind) {
    case 'identity': return new IdentityNode(d, expand);
    case 'identityGroup': return new IdentityGroupNode(d, expand);
    case 'assignedToGroup': return new AssignedToGroupNode(d, expand);
    case 'assignedResource': return new AssignedResourceNode(d, expand);
    case 'roleAssignmentsGroup': return new RoleAssignmentsGroupNode(d, expand);
    case 'roleAssignment': return new RoleAssignmentNode(d, expand);
    case 'federatedCredentialsGroup': return new FederatedCredentialsGroupNode(d, expand);
    case 'federatedCredential': return new FederatedCredentialNode(d, expand);
    case 'systemAssignedGroup': return new SystemAssignedGroupNode(d, expand);
    case 'systemAssignedResource': return new SystemAssignedResourceNode(d, expand);
    case 'error': return new LoadErrorNode(d, expand);
    default: return new DescribedNode(d, expand);
  }
}
