import { parseResourceId } from './resourceId';
import { resourceKind } from './resourceKinds';

/** Describes a role assignment scope in words, as a person would: "storage account contosodata",
 * "resource group rg-app", "subscription Contoso Production". */
export function describeScope(scope: string, subscriptionName?: (subscriptionId: string) => string | undefined): string {
  if (scope === '/' || scope === '') return 'root (all tenants)';
  const id = parseResourceId(scope);
  if (id.managementGroup) return `management group ${id.managementGroup}`;
  if (id.resourceType && id.name) return `${resourceKind(id.resourceType).noun} ${id.name}`;
  if (id.resourceGroup) return `resource group ${id.resourceGroup}`;
  if (id.subscriptionId) return `subscription ${subscriptionName?.(id.subscriptionId) ?? id.subscriptionId}`;
  return scope;
}
