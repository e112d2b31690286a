import { ratingLevelNames, type RatingLevel } from '../../../protocol/ratings.js';
import { Bi } from '../shared/bilingual.js';

const levels: RatingLevel[] = [5, 4, 3, 2, 1];

/** The five 好差评 levels as large buttons a thumb can hit, the best on top, each with its stars and its name. */
export function LevelButtons({ labelledBy, chosen, busy, testid, onChoose }: {
  labelledBy: string; chosen: RatingLevel | null; busy: boolean; testid: string; onChoose: (level: RatingLevel) => void;
}) {
  return (
    <div class="rating-levels" role="group" aria-labelledby={labelledBy}>
      {levels.map((l) => (
        <button key={l} type="button" class={`rating-level level-${l}${chosen === l ? ' chosen' : ''}`} aria-pressed={chosen === l}
          disabled={busy} data-testid={`${testid}-${l}`} onClick={() => onChoose(l)}>
          <span class="rating-stars" aria-hidden="true">{'★'.repeat(l)}</span>
          <Bi text={ratingLevelNames[l]} />
        </button>
      ))}
    </div>
  );
}
