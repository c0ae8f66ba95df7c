import { z } from 'zod';

/** Front-matter of one knowledge document (`knowledge/*.md`). */
export const FrontMatterSchema = z
  .strictObject({
    title: z.string().trim().min(1, 'must be a non-empty string'),
    id: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'use letters, digits, ".", "_" or "-" only')
      .optional(),
    publisher: z.string().trim().min(1).optional(),
    author: z.string().trim().min(1).optional(),
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
    published: z
      .union([z.iso.date(), z.iso.datetime({ offset: true })], { error: 'must be an ISO date such as 2025-08-17' })
      .optional(),
    language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'use a language tag such as "en"').optional(),
    notes: z.string().optional(),
  });
export type FrontMatter = z.infer<typeof FrontMatterSchema>;

export const EntityTypeSchema = z.enum(['person', 'place', 'organisation', 'group', 'concept']);

/** `knowledge/entities.yaml`: other names for the story's entities, and domain synonyms. */
export const EntitiesFileSchema = z.strictObject({
  entities: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and "-"'),
        name: z.string().trim().min(1),
        type: EntityTypeSchema,
        aliases: z.array(z.string().trim().min(1)).default([]),
        /**
         * Entities a mention of this one partly stands for, and the reverse: a capital for its
         * government (Kyiv → Ukraine), a leader for the country, a group for its members.
         */
        related: z.array(z.string()).default([]),
      }),
    )
    .default([]),
  synonyms: z.array(z.array(z.string().trim().min(1)).min(2, 'a synonym group needs at least two entries')).default([]),
});
export type EntitiesFile = z.infer<typeof EntitiesFileSchema>;
export type Entity = EntitiesFile['entities'][number];

/** A validated source document, with its body exactly as quotes are sliced from it. */
export interface KnowledgeDocument {
  id: string;
  title: string;
  publisher?: string | undefined;
  author?: string | undefined;
  url?: string | undefined;
  published?: string | undefined;
  language?: string | undefined;
  notes?: string | undefined;
  /** Path relative to the knowledge folder. */
  file: string;
  /** The text after the front-matter; every quote is `body.slice(start, end)`. */
  body: string;
}

export interface Knowledge {
  dir: string;
  documents: KnowledgeDocument[];
  entities: EntitiesFile;
  /** sha256 of every file that shapes the index; keys the snapshot. */
  contentHash: string;
}
