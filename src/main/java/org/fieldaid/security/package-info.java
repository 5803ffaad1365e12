/** Agencies, users, the permission matrix, login and lockout. */
package org.fieldaid.security;
