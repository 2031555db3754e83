/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query Me {\n  me {\n    id\n    displayName\n    role\n    status\n  }\n}": typeof types.MeDocument,
    "mutation Login($login: String!, $password: String!) {\n  login(login: $login, password: $password) {\n    accessToken\n    refreshToken\n    user {\n      id\n      displayName\n      role\n      status\n    }\n  }\n}": typeof types.LoginDocument,
    "mutation Logout($refreshToken: String!) {\n  logout(refreshToken: $refreshToken)\n}": typeof types.LogoutDocument,
    "mutation RefreshToken($refreshToken: String!) {\n  refreshToken(refreshToken: $refreshToken) {\n    accessToken\n    refreshToken\n  }\n}": typeof types.RefreshTokenDocument,
    "query Hackathons {\n  hackathons {\n    id\n    slug\n    title\n    description\n    phase\n    registrationClosesAt\n    submissionDeadline\n  }\n}": typeof types.HackathonsDocument,
};
const documents: Documents = {
    "query Me {\n  me {\n    id\n    displayName\n    role\n    status\n  }\n}": types.MeDocument,
    "mutation Login($login: String!, $password: String!) {\n  login(login: $login, password: $password) {\n    accessToken\n    refreshToken\n    user {\n      id\n      displayName\n      role\n      status\n    }\n  }\n}": types.LoginDocument,
    "mutation Logout($refreshToken: String!) {\n  logout(refreshToken: $refreshToken)\n}": types.LogoutDocument,
    "mutation RefreshToken($refreshToken: String!) {\n  refreshToken(refreshToken: $refreshToken) {\n    accessToken\n    refreshToken\n  }\n}": types.RefreshTokenDocument,
    "query Hackathons {\n  hackathons {\n    id\n    slug\n    title\n    description\n    phase\n    registrationClosesAt\n    submissionDeadline\n  }\n}": types.HackathonsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Me {\n  me {\n    id\n    displayName\n    role\n    status\n  }\n}"): (typeof documents)["query Me {\n  me {\n    id\n    displayName\n    role\n    status\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Login($login: String!, $password: String!) {\n  login(login: $login, password: $password) {\n    accessToken\n    refreshToken\n    user {\n      id\n      displayName\n      role\n      status\n    }\n  }\n}"): (typeof documents)["mutation Login($login: String!, $password: String!) {\n  login(login: $login, password: $password) {\n    accessToken\n    refreshToken\n    user {\n      id\n      displayName\n      role\n      status\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Logout($refreshToken: String!) {\n  logout(refreshToken: $refreshToken)\n}"): (typeof documents)["mutation Logout($refreshToken: String!) {\n  logout(refreshToken: $refreshToken)\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RefreshToken($refreshToken: String!) {\n  refreshToken(refreshToken: $refreshToken) {\n    accessToken\n    refreshToken\n  }\n}"): (typeof documents)["mutation RefreshToken($refreshToken: String!) {\n  refreshToken(refreshToken: $refreshToken) {\n    accessToken\n    refreshToken\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Hackathons {\n  hackathons {\n    id\n    slug\n    title\n    description\n    phase\n    registrationClosesAt\n    submissionDeadline\n  }\n}"): (typeof documents)["query Hackathons {\n  hackathons {\n    id\n    slug\n    title\n    description\n    phase\n    registrationClosesAt\n    submissionDeadline\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;