/**
 * The vendor portal: the pages a BPO lead works in (security.md: outside users never reach the
 * Camunda webapps). Every page reads through the other slices' services with the signed-in lead's
 * principal, so the lead's vendor always comes from their account and another vendor's ids answer
 * 404, exactly as in the API.
 */
package dev.steward.portal;
