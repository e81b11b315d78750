package org.communedx.service.user;

/**
 * What a user was given at login no longer holds: their account was disabled, their role changed, or their password
 * was reset. Sessions carry the role they logged in with, so the web layer ends every session of the user once the
 * change commits; the next request asks them to log in again.
 */
public record AccessRevoked(String username) {
}
