/**
 * The review's figures naming the analyst's place: the review is extracted as soon as the metadata form shows
 * (before the place is settled, which no rule reads but the place column), then named on the page's thread.
 */
import { relabelPlace } from '../extract/place';
import { toFiguresCsv } from '../extract/toFiguresCsv';
import type { ReviewExtraction } from './review-extract';

export function placedReview(review: ReviewExtraction, place: string): ReviewExtraction {
  const from = review.place;
  if (from === place) return review;
  const figures = relabelPlace(review.figures, from, place);
  return { ...review, found: relabelPlace(review.found, from, place), figures, csv: toFiguresCsv(figures), place };
}
