-- A state (country) quoted as a speaker is its own entity type, not a person or organisation.
ALTER TYPE "EntityType" ADD VALUE IF NOT EXISTS 'STATE';
