// Docker Hub is the registry of a reference that names none. Written out, it goes by
// several names; all of them mean the same images, so they parse alike.

/** Host names that reach Docker Hub (compared case-insensitively, as DNS does). */
export const DOCKER_HUB_HOSTS: readonly string[] = ['docker.io', 'index.docker.io', 'registry-1.docker.io'];

/** The owner Docker Hub gives an official image written with one segment (`nginx`). */
export const DOCKER_HUB_OFFICIAL_OWNER = 'library';

export function isDockerHub(registry: string | null): boolean {
  return registry === null || DOCKER_HUB_HOSTS.includes(registry.toLowerCase());
}
