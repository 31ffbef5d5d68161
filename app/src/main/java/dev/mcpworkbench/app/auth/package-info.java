/**
 * Where the inspector's connection layer meets the oauth-helper's flow: the HTTP authorization
 * hook and the mapping of the flow's checks into findings, and the machine grants' settings
 * ({@code MachineGrantSettings}: the grant, the client key file, where tokens come from). Shared by
 * the desktop and the CLI, so neither imports the other; no JavaFX here.
 */
package dev.mcpworkbench.app.auth;
